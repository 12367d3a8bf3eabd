// C++: namespaces, a RAII socket wrapper, a template that runs a WSK call synchronously through a
// lambda, and calls through the cached provider dispatch.
#include <ntddk.h>
#include <wsk.h>

namespace net {

class Event {
public:
    Event() { KeInitializeEvent(&m_Event, NotificationEvent, FALSE); }
    void Reset() { KeClearEvent(&m_Event); }
    NTSTATUS Wait() { return KeWaitForSingleObject(&m_Event, Executive, KernelMode, FALSE, nullptr); }
    PKEVENT Get() { return &m_Event; }
private:
    KEVENT m_Event;
};

static NTSTATUS SignalEvent(PDEVICE_OBJECT, PIRP, PVOID Context)
{
    KeSetEvent(static_cast<PKEVENT>(Context), IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

template <typename Op>
NTSTATUS RunSync(PIRP Irp, Event &Done, Op op)
{
    Done.Reset();
    IoReuseIrp(Irp, STATUS_UNSUCCESSFUL);
    IoSetCompletionRoutine(Irp, SignalEvent, Done.Get(), TRUE, TRUE, TRUE);
    NTSTATUS status = op(Irp);
    if (status == STATUS_PENDING) {
        Done.Wait();
        status = Irp->IoStatus.Status;
    }
    return status;
}

class Socket {
public:
    explicit Socket(PWSK_SOCKET s) : m_Socket(s), m_Irp(IoAllocateIrp(1, FALSE)) {}
    ~Socket() { Close(); if (m_Irp) IoFreeIrp(m_Irp); }

    NTSTATUS Send(PWSK_BUF Buffer)
    {
        auto dispatch = static_cast<const WSK_PROVIDER_CONNECTION_DISPATCH *>(m_Socket->Dispatch);
        return RunSync(m_Irp, m_Done, [&](PIRP irp) { return dispatch->WskSend(m_Socket, Buffer, 0, irp); });
    }

    void Close()
    {
        if (m_Socket == nullptr || m_Irp == nullptr) return;
        auto basic = static_cast<const WSK_PROVIDER_BASIC_DISPATCH *>(m_Socket->Dispatch);
        RunSync(m_Irp, m_Done, [&](PIRP irp) { return basic->WskCloseSocket(m_Socket, irp); });
        m_Socket = nullptr;
    }

private:
    PWSK_SOCKET m_Socket;
    PIRP m_Irp;
    Event m_Done;
};

} // namespace net

extern "C" NTSTATUS SendOnce(PWSK_SOCKET s, PWSK_BUF b)
{
    net::Socket sock(s);
    return sock.Send(b);
}
