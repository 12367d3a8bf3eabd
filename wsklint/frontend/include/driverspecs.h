/*
 * driverspecs.h - wsklint bundled declarations (hand-written, not the WDK's).
 *
 * Driver-specific SAL annotations. Most expand to nothing. The IRQL
 * annotations, _Function_class_ and _Dispatch_type_ expand to a clang
 * annotate attribute so that the analyzer can read them from the AST:
 *
 *     _IRQL_requires_max_(DISPATCH_LEVEL)
 *       -> __attribute((annotate("wsklint:_IRQL_requires_max_(DISPATCH_LEVEL)")))
 *
 * The string is "wsklint:" + the macro name + "(" + the argument text exactly
 * as written (stringified, so DISPATCH_LEVEL is not expanded to 2) + ")".
 * Two-argument macros separate their arguments with ", ". Macros without
 * arguments give "wsklint:" + the macro name. `__attribute` (not
 * `__attribute__`) is used because some header sets #define __attribute__
 * away.
 */
#ifndef _WSKLINT_DRIVERSPECS_H
#define _WSKLINT_DRIVERSPECS_H

#include <sal.h>

/* ---- IRQL annotations (kept in the AST) -------------------------------- */
#define _IRQL_requires_max_(irql)      __attribute((annotate("wsklint:_IRQL_requires_max_(" #irql ")")))
#define _IRQL_requires_min_(irql)      __attribute((annotate("wsklint:_IRQL_requires_min_(" #irql ")")))
#define _IRQL_requires_(irql)          __attribute((annotate("wsklint:_IRQL_requires_(" #irql ")")))
#define _IRQL_raises_(irql)            __attribute((annotate("wsklint:_IRQL_raises_(" #irql ")")))
#define _IRQL_saves_                   __attribute((annotate("wsklint:_IRQL_saves_")))
#define _IRQL_restores_                __attribute((annotate("wsklint:_IRQL_restores_")))
#define _IRQL_saves_global_(kind, param)    __attribute((annotate("wsklint:_IRQL_saves_global_(" #kind ", " #param ")")))
#define _IRQL_restores_global_(kind, param) __attribute((annotate("wsklint:_IRQL_restores_global_(" #kind ", " #param ")")))
#define _IRQL_always_function_max_(irql) __attribute((annotate("wsklint:_IRQL_always_function_max_(" #irql ")")))
#define _IRQL_always_function_min_(irql) __attribute((annotate("wsklint:_IRQL_always_function_min_(" #irql ")")))
#define _IRQL_requires_same_           __attribute((annotate("wsklint:_IRQL_requires_same_")))
#define _IRQL_uses_cancel_             __attribute((annotate("wsklint:_IRQL_uses_cancel_")))
#define _IRQL_is_cancel_               __attribute((annotate("wsklint:_IRQL_is_cancel_")))

/* ---- function class and dispatch type (kept in the AST) ---------------- */
#define _Function_class_(name)         __attribute((annotate("wsklint:_Function_class_(" #name ")")))
#define _Dispatch_type_(type)          __attribute((annotate("wsklint:_Dispatch_type_(" #type ")")))

/* ---- older __drv_ IRQL forms (kept in the AST, under their own names) -- */
#define __drv_maxIRQL(irql)            __attribute((annotate("wsklint:__drv_maxIRQL(" #irql ")")))
#define __drv_minIRQL(irql)            __attribute((annotate("wsklint:__drv_minIRQL(" #irql ")")))
#define __drv_requiresIRQL(irql)       __attribute((annotate("wsklint:__drv_requiresIRQL(" #irql ")")))
#define __drv_setsIRQL(irql)           __attribute((annotate("wsklint:__drv_setsIRQL(" #irql ")")))
#define __drv_raisesIRQL(irql)         __attribute((annotate("wsklint:__drv_raisesIRQL(" #irql ")")))
#define __drv_savesIRQL                __attribute((annotate("wsklint:__drv_savesIRQL")))
#define __drv_restoresIRQL             __attribute((annotate("wsklint:__drv_restoresIRQL")))
#define __drv_maxFunctionIRQL(irql)    __attribute((annotate("wsklint:__drv_maxFunctionIRQL(" #irql ")")))
#define __drv_minFunctionIRQL(irql)    __attribute((annotate("wsklint:__drv_minFunctionIRQL(" #irql ")")))
#define __drv_savesIRQLGlobal(kind, param)    __attribute((annotate("wsklint:__drv_savesIRQLGlobal(" #kind ", " #param ")")))
#define __drv_restoresIRQLGlobal(kind, param) __attribute((annotate("wsklint:__drv_restoresIRQLGlobal(" #kind ", " #param ")")))

/* ---- kernel-specific annotations (expand to nothing) ------------------- */
#define _Kernel_requires_resource_held_(res)
#define _Kernel_requires_resource_not_held_(res)
#define _Kernel_acquires_resource_(res)
#define _Kernel_releases_resource_(res)
#define _Kernel_float_saved_
#define _Kernel_float_restored_
#define _Kernel_float_used_
#define _Kernel_clear_do_init_(yesNo)
#define _Kernel_IoGetDmaAdapter_
#define _Kernel_ExRaiseStatus_
#define _Kernel_unload_(x)
#define _Kernel_acquires_lock_(x)
#define _Kernel_releases_lock_(x)

/* ---- older __drv_ forms (expand to nothing) ---------------------------- */
#define __drv_allocatesMem(kind)
#define __drv_freesMem(kind)
#define __drv_aliasesMem
#define __drv_when(cond, annotes)
#define __drv_arg(expr, annotes)
#define __drv_in(annotes)
#define __drv_out(annotes)
#define __drv_in_deref(annotes)
#define __drv_out_deref(annotes)
#define __drv_fun(annotes)
#define __drv_ret(annotes)
#define __drv_at(expr, annotes)
#define __drv_deref(annotes)
#define __drv_strictTypeMatch(mode)
#define __drv_strictType(typename, mode)
#define __drv_notPointer
#define __drv_isObjectPointer
#define __drv_constant
#define __drv_nonConstant
#define __drv_dispatchType(kind)
#define __drv_dispatchType_other
#define __drv_sameIRQL
#define __drv_useCancelIRQL
#define __drv_isCancelIRQL
#define __drv_valueIs(arglist)
#define __drv_functionClass(name)
#define __drv_reportError(why)
#define __drv_mustHold(kind)
#define __drv_mustHoldGlobal(kind, param)
#define __drv_neverHold(kind)
#define __drv_neverHoldGlobal(kind, param)
#define __drv_acquiresResource(kind)
#define __drv_acquiresResourceGlobal(kind, param)
#define __drv_releasesResource(kind)
#define __drv_releasesResourceGlobal(kind, param)
#define __drv_clearDoInit(yesNo)
#define __drv_innerMustHoldGlobal(kind, param)
#define __drv_innerNeverHoldGlobal(kind, param)
#define __drv_innerAcquiresGlobal(kind, param)
#define __drv_innerReleasesGlobal(kind, param)
#define __drv_requiresIRQLGlobal(kind, param)
#define __drv_floatSaved
#define __drv_floatRestored
#define __drv_floatUsed
#define __drv_formatString(kind)
#define __drv_preferredFunction(func, why)
#define __drv_inTry
#define __drv_notInTry
#define __drv_allocatesMem2(kind)
#define __drv_Mode_impl(x)
#define __drv_typeConst
#define __drv_typeCond
#define __drv_typeBitset
#define __drv_typeExpr
#define __drv_completionType(kindlist)
#define __drv_callbackType(kind)
#define __drv_interlocked
#define __drv_maxFunctionIRQLGlobal(irql)
#define __drv_declspec(x)
#define __drv_nop(x)
#define __internal_kernel_driver
#define __kernel_code
#define __kernel_driver
#define __user_driver
#define __user_code
#define _Kernel_requires_resource_held_global_(kind, param)

#endif /* _WSKLINT_DRIVERSPECS_H */
