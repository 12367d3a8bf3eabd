/*
 * sal.h - wsklint bundled declarations (hand-written, not Microsoft's sal.h).
 *
 * Source-code annotation language (SAL) macros. The analyzer does not
 * evaluate buffer or nullness annotations, so every macro here expands to
 * nothing: it only has to let annotated code parse. The IRQL and
 * function-class annotations, which the analyzer does use, live in
 * driverspecs.h and expand to clang annotate attributes.
 */
#ifndef _WSKLINT_SAL_H
#define _WSKLINT_SAL_H

/* ---- parameters: input ------------------------------------------------ */
#define _In_
#define _In_opt_
#define _In_z_
#define _In_opt_z_
#define _In_reads_(size)
#define _In_reads_opt_(size)
#define _In_reads_bytes_(size)
#define _In_reads_bytes_opt_(size)
#define _In_reads_z_(size)
#define _In_reads_opt_z_(size)
#define _In_reads_or_z_(size)
#define _In_reads_or_z_opt_(size)
#define _In_reads_to_ptr_(ptr)
#define _In_reads_to_ptr_opt_(ptr)
#define _In_range_(lb, ub)
#define _In_defensive_(annotes)
#define _In_NLS_string_(size)

/* ---- parameters: output ----------------------------------------------- */
#define _Out_
#define _Out_opt_
#define _Out_writes_(size)
#define _Out_writes_opt_(size)
#define _Out_writes_bytes_(size)
#define _Out_writes_bytes_opt_(size)
#define _Out_writes_z_(size)
#define _Out_writes_opt_z_(size)
#define _Out_writes_to_(size, count)
#define _Out_writes_to_opt_(size, count)
#define _Out_writes_bytes_to_(size, count)
#define _Out_writes_bytes_to_opt_(size, count)
#define _Out_writes_all_(size)
#define _Out_writes_all_opt_(size)
#define _Out_writes_bytes_all_(size)
#define _Out_writes_bytes_all_opt_(size)
#define _Out_writes_to_ptr_(ptr)
#define _Out_writes_to_ptr_opt_(ptr)
#define _Out_writes_to_ptr_z_(ptr)
#define _Out_range_(lb, ub)
#define _Out_z_cap_(size)
#define _Out_defensive_(annotes)

/* ---- parameters: input/output ----------------------------------------- */
#define _Inout_
#define _Inout_opt_
#define _Inout_z_
#define _Inout_opt_z_
#define _Inout_updates_(size)
#define _Inout_updates_opt_(size)
#define _Inout_updates_z_(size)
#define _Inout_updates_opt_z_(size)
#define _Inout_updates_to_(size, count)
#define _Inout_updates_to_opt_(size, count)
#define _Inout_updates_all_(size)
#define _Inout_updates_all_opt_(size)
#define _Inout_updates_bytes_(size)
#define _Inout_updates_bytes_opt_(size)
#define _Inout_updates_bytes_to_(size, count)
#define _Inout_updates_bytes_to_opt_(size, count)
#define _Inout_updates_bytes_all_(size)
#define _Inout_updates_bytes_all_opt_(size)
#define _Inout_defensive_(annotes)

/* ---- pointer-to-pointer outputs --------------------------------------- */
#define _Outptr_
#define _Outptr_opt_
#define _Outptr_result_maybenull_
#define _Outptr_opt_result_maybenull_
#define _Outptr_result_z_
#define _Outptr_opt_result_z_
#define _Outptr_result_maybenull_z_
#define _Outptr_opt_result_maybenull_z_
#define _Outptr_result_nullonfailure_
#define _Outptr_opt_result_nullonfailure_
#define _Outptr_result_buffer_(size)
#define _Outptr_opt_result_buffer_(size)
#define _Outptr_result_buffer_maybenull_(size)
#define _Outptr_result_bytebuffer_(size)
#define _Outptr_opt_result_bytebuffer_(size)
#define _Outptr_result_bytebuffer_maybenull_(size)
#define _Outptr_result_buffer_to_(size, count)
#define _Outptr_result_bytebuffer_to_(size, count)
#define _Outref_
#define _Outref_result_maybenull_
#define _Outref_result_nullonfailure_
#define _COM_Outptr_
#define _COM_Outptr_opt_
#define _COM_Outptr_result_maybenull_

/* ---- return values ---------------------------------------------------- */
#define _Ret_maybenull_
#define _Ret_notnull_
#define _Ret_null_
#define _Ret_valid_
#define _Ret_z_
#define _Ret_maybenull_z_
#define _Ret_range_(lb, ub)
#define _Ret_writes_(size)
#define _Ret_writes_z_(size)
#define _Ret_writes_bytes_(size)
#define _Ret_writes_maybenull_(size)
#define _Ret_writes_maybenull_z_(size)
#define _Ret_writes_bytes_maybenull_(size)
#define _Ret_writes_to_(size, count)
#define _Ret_writes_bytes_to_(size, count)
#define _Ret_writes_to_maybenull_(size, count)
#define _Ret_writes_bytes_to_maybenull_(size, count)
#define _Must_inspect_result_
#define _Check_return_
#define _Success_(expr)
#define _Return_type_success_(expr)
#define _Result_nullonfailure_
#define _Result_zeroonfailure_
#define _Always_(annotes)
#define _On_failure_(annotes)

/* ---- structure fields -------------------------------------------------- */
#define _Field_size_(size)
#define _Field_size_opt_(size)
#define _Field_size_bytes_(size)
#define _Field_size_bytes_opt_(size)
#define _Field_size_part_(size, count)
#define _Field_size_part_opt_(size, count)
#define _Field_size_bytes_part_(size, count)
#define _Field_size_bytes_part_opt_(size, count)
#define _Field_size_full_(size)
#define _Field_size_full_opt_(size)
#define _Field_size_bytes_full_(size)
#define _Field_size_bytes_full_opt_(size)
#define _Field_range_(lb, ub)
#define _Field_z_
#define _Struct_size_bytes_(size)

/* ---- pre / post conditions -------------------------------------------- */
#define _Pre_
#define _Post_
#define _Deref_
#define _Deref_pre_
#define _Deref_post_
#define _Pre_notnull_
#define _Pre_maybenull_
#define _Pre_null_
#define _Pre_valid_
#define _Pre_opt_valid_
#define _Pre_invalid_
#define _Pre_z_
#define _Pre_defensive_
#define _Pre_unknown_
#define _Pre_readable_size_(size)
#define _Pre_writable_size_(size)
#define _Pre_readable_byte_size_(size)
#define _Pre_writable_byte_size_(size)
#define _Pre_satisfies_(cond)
#define _Pre_equal_to_(expr)
#define _Post_valid_
#define _Post_invalid_
#define _Post_ptr_invalid_
#define _Post_notnull_
#define _Post_null_
#define _Post_maybenull_
#define _Post_z_
#define _Post_defensive_
#define _Post_readable_size_(size)
#define _Post_writable_size_(size)
#define _Post_readable_byte_size_(size)
#define _Post_writable_byte_size_(size)
#define _Post_satisfies_(cond)
#define _Post_equal_to_(expr)
#define _Deref_out_
#define _Deref_out_opt_
#define _Deref_out_z_
#define _Deref_out_range_(lb, ub)
#define _Deref_in_range_(lb, ub)
#define _Deref_inout_range_(lb, ub)
#define _Deref_pre_z_
#define _Deref_post_z_
#define _Deref_ret_range_(lb, ub)
#define _Deref2_pre_readonly_

/* ---- primitive annotations --------------------------------------------- */
#define _Null_
#define _Notnull_
#define _Maybenull_
#define _Valid_
#define _Notvalid_
#define _Const_
#define _Readable_bytes_(size)
#define _Readable_elements_(size)
#define _Writable_bytes_(size)
#define _Writable_elements_(size)
#define _Null_terminated_
#define _NullNull_terminated_
#define _Literal_
#define _Notliteral_
#define _Points_to_data_
#define _Strict_type_match_
#define _Interlocked_operand_
#define _Unchanged_(expr)
#define _Old_(expr)
#define _Curr_
#define _Param_(n)
#define _Satisfies_(cond)
#define _When_(cond, annotes)
#define _At_(target, annotes)
#define _At_buffer_(target, iter, bound, annotes)
#define _Group_(annotes)
#define _Inexpressible_(expr)
#define _Reserved_
#define _Use_decl_annotations_
#define _Frees_ptr_
#define _Frees_ptr_opt_
#define _Printf_format_string_
#define _Printf_format_string_params_(x)
#define _Scanf_format_string_
#define _Scanf_s_format_string_
#define _Format_string_impl_(kind, where)
#define _Analysis_noreturn_
#define _Analysis_mode_(mode)
#define _Analysis_assume_(expr)
#define _Analysis_assume_nullterminated_(x)
#define __analysis_assume(expr)
#define __analysis_assert(expr)
#define _Enum_is_bitflag_
#define _Must_inspect_impl_
#define _Raises_SEH_exception_
#define _Maybe_raises_SEH_exception_
#define _Function_ignore_lock_checking_(lock)
#define _Callback_
#define _Ret_opt_valid_

/* ---- concurrency (locking) --------------------------------------------- */
#define _Requires_lock_held_(lock)
#define _Requires_lock_not_held_(lock)
#define _Requires_exclusive_lock_held_(lock)
#define _Requires_shared_lock_held_(lock)
#define _Requires_no_locks_held_
#define _Acquires_lock_(lock)
#define _Acquires_exclusive_lock_(lock)
#define _Acquires_shared_lock_(lock)
#define _Acquires_nonreentrant_lock_(lock)
#define _Releases_lock_(lock)
#define _Releases_exclusive_lock_(lock)
#define _Releases_shared_lock_(lock)
#define _Releases_nonreentrant_lock_(lock)
#define _Guarded_by_(lock)
#define _Write_guarded_by_(lock)
#define _Interlocked_
#define _Post_same_lock_(a, b)
#define _Create_lock_level_(level)
#define _Has_lock_kind_(kind)
#define _Has_lock_level_(level)
#define _Lock_level_order_(a, b)
#define _No_competing_thread_
#define _No_competing_thread_begin_
#define _No_competing_thread_end_
#define _Benign_race_begin_
#define _Benign_race_end_
#define _Internal_set_lock_count_(lock, count)
#define _Lock_kind_mutex_
#define _Lock_kind_event_
#define _Lock_kind_semaphore_
#define _Lock_kind_spin_lock_
#define _Lock_kind_critical_section_

/* ---- legacy (pre-2.0) SAL ---------------------------------------------- */
#define __in
#define __in_opt
#define __in_z
#define __in_opt_z
#define __in_bcount(size)
#define __in_bcount_opt(size)
#define __in_ecount(size)
#define __in_ecount_opt(size)
#define __out
#define __out_opt
#define __out_z
#define __out_bcount(size)
#define __out_bcount_opt(size)
#define __out_ecount(size)
#define __out_ecount_opt(size)
#define __out_bcount_part(size, length)
#define __out_ecount_part(size, length)
#define __inout
#define __inout_opt
#define __inout_z
#define __inout_bcount(size)
#define __inout_bcount_opt(size)
#define __inout_ecount(size)
#define __inout_ecount_opt(size)
#define __deref_out
#define __deref_out_opt
#define __deref_opt_out
#define __deref_inout
#define __deref_out_bcount(size)
#define __deref_out_ecount(size)
#define __checkReturn
#define __success(expr)
#define __reserved
#define __nullterminated
#define __notnull
#define __maybenull
#define __field_bcount(size)
#define __field_ecount(size)
#define __field_bcount_part(size, length)
#define __field_ecount_part(size, length)
#define __bcount(size)
#define __ecount(size)
#define __format_string
#define __callback
#define __override
#define __fallthrough
#define __inner_callback
#define __range(lb, ub)
#define __in_range(lb, ub)
#define __out_range(lb, ub)
#define __typefix(ctype)

#endif /* _WSKLINT_SAL_H */
