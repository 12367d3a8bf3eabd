#pragma once

typedef struct _REQ_ASYNC {
    KEVENT Done;
    NTSTATUS Status;
    ULONG_PTR Bytes;
} REQ_ASYNC, *PREQ_ASYNC;

typedef struct _REQ_CTX {
    PIRP Irp;
    KEVENT Event;
    PREQ_ASYNC Async;
} REQ_CTX, *PREQ_CTX;

PREQ_CTX ReqAlloc(PREQ_ASYNC Async);
VOID ReqFree(PREQ_CTX Req);
