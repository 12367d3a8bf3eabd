/*
 * intrin.h - wsklint bundled declarations (hand-written).
 *
 * With -fms-extensions clang already knows the MSVC intrinsics as builtins
 * (_InterlockedIncrement, _ReturnAddress, __debugbreak, _byteswap_ulong,
 * _BitScanForward, ...), so they need no declaration. This header only
 * declares a few that are not builtins, so that code calling them parses.
 */
#ifndef _WSKLINT_INTRIN_H
#define _WSKLINT_INTRIN_H

#ifdef __cplusplus
extern "C" {
#endif

void *_ReturnAddress(void);
void *_AddressOfReturnAddress(void);
void _mm_pause(void);
void __nop(void);
unsigned __int64 __rdtsc(void);
void __cpuid(int cpuInfo[4], int function_id);
void __cpuidex(int cpuInfo[4], int function_id, int subfunction_id);
unsigned __int64 __readmsr(unsigned long reg);
void __writemsr(unsigned long reg, unsigned __int64 value);
unsigned __int64 __readcr0(void);
unsigned __int64 __readcr3(void);
unsigned __int64 __readcr4(void);
void _disable(void);
void _enable(void);

#ifdef __cplusplus
}
#endif

#endif /* _WSKLINT_INTRIN_H */
