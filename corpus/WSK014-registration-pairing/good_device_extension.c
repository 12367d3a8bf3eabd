/* Trap: the registration block lives in the device extension (non-paged, lives until unload). */
#include <ntddk.h>
#include <wsk.h>

typedef struct _DEVICE_EXTENSION {
    WSK_REGISTRATION WskRegistration;
    BOOLEAN Registered;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

static const WSK_CLIENT_DISPATCH g_Dispatch = { MAKE_WSK_VERSION(1, 0), 0, NULL };

static VOID Unload(PDRIVER_OBJECT DriverObject)
{
    PDEVICE_OBJECT device = DriverObject->DeviceObject;
    if (device != NULL) {
        PDEVICE_EXTENSION ext = (PDEVICE_EXTENSION)device->DeviceExtension;
        if (ext->Registered) {
            WskDeregister(&ext->WskRegistration);
        }
        IoDeleteDevice(device);
    }
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PDEVICE_OBJECT device = NULL;
    PDEVICE_EXTENSION ext;
    WSK_CLIENT_NPI npi = { NULL, &g_Dispatch };
    NTSTATUS status;

    UNREFERENCED_PARAMETER(RegistryPath);
    status = IoCreateDevice(DriverObject, sizeof(DEVICE_EXTENSION), NULL, FILE_DEVICE_NETWORK, 0, FALSE, &device);
    if (!NT_SUCCESS(status)) {
        return status;
    }
    ext = (PDEVICE_EXTENSION)device->DeviceExtension;
    ext->Registered = FALSE;
    DriverObject->DriverUnload = Unload;
    status = WskRegister(&npi, &ext->WskRegistration);
    if (NT_SUCCESS(status)) {
        ext->Registered = TRUE;
    }
    return STATUS_SUCCESS;
}
