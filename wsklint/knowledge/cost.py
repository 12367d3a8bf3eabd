"""Kernel routines whose cost grows with the data they process: work a WSK receive callback should
hand to a worker instead of doing inline (WSK036). Name -> what the work is.

Sources: the CNG (bcrypt.h) and compression (ntifs.h RtlCompressBuffer / RtlDecompressBuffer)
reference pages; "Winsock Kernel Events" (do not spend long at DISPATCH_LEVEL).
"""
from __future__ import annotations

HEAVY_CALLS: dict[str, str] = {
    "BCryptEncrypt": "encryption",
    "BCryptDecrypt": "decryption",
    **{name: "hashing" for name in ("BCryptHash", "BCryptHashData", "BCryptFinishHash", "BCryptCreateHash",
                                    "BCryptCreateMultiHash", "BCryptProcessMultiOperations")},
    **{name: "key derivation" for name in ("BCryptDeriveKey", "BCryptDeriveKeyPBKDF2", "BCryptKeyDerivation",
                                           "BCryptGenerateSymmetricKey", "BCryptGenerateKeyPair",
                                           "BCryptSecretAgreement")},
    **{name: "public-key cryptography" for name in ("BCryptSignHash", "BCryptVerifySignature")},
    **{name: "compression" for name in ("RtlCompressBuffer", "RtlDecompressBuffer", "RtlDecompressBufferEx",
                                        "RtlDecompressBufferEx2", "RtlDecompressFragment")},
}
