/* Integrity checking for received stream data. */
#include <ntddk.h>
#include <wsk.h>
#include <bcrypt.h>
#include "stream.h"

NTSTATUS StreamVerifyChunk(PSTREAM_CTX Ctx, PUCHAR Data, ULONG Length)
{
    BCRYPT_HASH_HANDLE hash = NULL;
    NTSTATUS st = BCryptCreateHash(Ctx->HmacAlg, &hash, NULL, 0, Ctx->Secret, sizeof(Ctx->Secret), 0);
    if (!NT_SUCCESS(st)) {
        return st;
    }
    st = BCryptHashData(hash, Data, Length, 0);
    if (NT_SUCCESS(st)) {
        st = BCryptFinishHash(hash, Ctx->Digest, sizeof(Ctx->Digest), 0);
    }
    BCryptDestroyHash(hash);
    return st;
}
