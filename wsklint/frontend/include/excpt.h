/*
 * excpt.h - wsklint bundled declarations (hand-written).
 * Structured exception handling helpers usable in __try/__except.
 * GetExceptionCode() maps onto clang's MS-mode builtin _exception_code().
 */
#ifndef _WSKLINT_EXCPT_H
#define _WSKLINT_EXCPT_H

#define EXCEPTION_EXECUTE_HANDLER     1
#define EXCEPTION_CONTINUE_SEARCH     0
#define EXCEPTION_CONTINUE_EXECUTION (-1)

#ifndef GetExceptionCode
#define GetExceptionCode        _exception_code
#define exception_code          _exception_code
#define GetExceptionInformation (struct _EXCEPTION_POINTERS *)_exception_info
#define exception_info          (struct _EXCEPTION_POINTERS *)_exception_info
#define AbnormalTermination     _abnormal_termination
#define abnormal_termination    _abnormal_termination
#endif

#endif /* _WSKLINT_EXCPT_H */
