/* The same mistake through a helper: the descriptor is dropped before the
 * SO_WSK_SECURITY set request has completed. */
#include <ntddk.h>
#include <wsk.h>

typedef struct _SHARE_CTX {
    PWSK_PROVIDER_NPI Npi;
    PSECURITY_DESCRIPTOR CachedSd;
} SHARE_CTX, *PSHARE_CTX;

static VOID DropDescriptor(PWSK_PROVIDER_NPI Npi, PSECURITY_DESCRIPTOR *Sd)
{
    if (*Sd != NULL) {
        Npi->Dispatch->WskControlClient(Npi->Client, WSK_RELEASE_SD, sizeof(*Sd), Sd, 0, NULL, NULL, NULL);
        *Sd = NULL;
    }
}

NTSTATUS ApplySharing(PSHARE_CTX Ctx, PWSK_SOCKET Socket, PIRP Irp)
{
    const WSK_PROVIDER_BASIC_DISPATCH *basic = Socket->Dispatch;
    NTSTATUS st;

    st = basic->WskControlSocket(Socket, WskSetOption, SO_WSK_SECURITY, SOL_SOCKET,
                                 sizeof(PSECURITY_DESCRIPTOR), &Ctx->CachedSd, 0, NULL, NULL, Irp);
    DropDescriptor(Ctx->Npi, &Ctx->CachedSd);  // expect: WSK028 "released while"
    return st;
}
