"""Meta codes: findings about wsklint's own suppression comments, not about the driver.

They live in the reserved range WSK900-WSK999 so they can never collide with the catalog's
WSK001-WSK038. They are selected, ignored and re-graded like any rule (`ignore = ["WSK900"]`), but
no rule class produces them: the engine does, from `wsklint.suppress`, after the rules ran.
"""
from __future__ import annotations

from .base import Rule


class MetaRule(Rule):
    category = "meta"
    severity = "warning"
    precision = "very-high"
    meta = True

    def check(self, program):
        return iter(())


class UnusedSuppression(MetaRule):
    """A suppression comment names a rule that reported nothing there.

    ## What it does
    Reports a `wsklint: ignore[...]` or `wsklint: ignore-file[...]` comment, or one code in it, that
    suppressed no finding in this run. Only rules that ran on the file count: a suppression for a rule
    that is not selected, or that `per-file-ignores` turns off for the file, is not reported.

    ## Why is this bad?
    A stale suppression hides the next real finding of that rule on that line without anyone reviewing
    it again. It also tells the reader of the code that a problem is there when it no longer is.

    ## Example
    The NPI is now released before this call, so WSK013 no longer reports the line:
    ```c
    WskReleaseProviderNPI(&g_Registration);
    WskDeregister(&g_Registration);  // wsklint: ignore[WSK013] the NPI is released by Cleanup()
    ```

    ## Use instead
    ```c
    WskReleaseProviderNPI(&g_Registration);
    WskDeregister(&g_Registration);
    ```

    ## Known limitations
    Suppressions in header files are honoured but not reported as unused (a header is read for the
    findings located in it, not analysed on its own). With `wsklint check --changed`, only the changed
    files are reported.

    ## References
    - [Inline suppressions](../README.md#inline-suppressions)
    """

    code = "WSK900"
    name = "unused-suppression"
    help = "Delete the suppression comment, or the code it names."


class SuppressionWithoutReason(MetaRule):
    """A suppression comment gives no reason.

    ## What it does
    Reports a `wsklint: ignore[...]` or `wsklint: ignore-file[...]` comment with nothing after the
    closing bracket. The suppression is still honoured.

    ## Why is this bad?
    A reviewed finding is only as good as the review: the next reader (and the SARIF
    `justification` shown in code scanning) needs to know why the finding does not apply.

    ## Example
    ```c
    WskDeregister(&g_Registration);  // wsklint: ignore[WSK013]
    ```

    ## Use instead
    ```c
    WskDeregister(&g_Registration);  // wsklint: ignore[WSK013] NPI released by the rundown in Cleanup()
    ```

    ## Known limitations
    Any text counts as a reason.

    ## References
    - [Inline suppressions](../README.md#inline-suppressions)
    """

    code = "WSK901"
    name = "suppression-without-reason"
    help = "Write why the finding does not apply after the closing bracket."


class InvalidSuppression(MetaRule):
    """A suppression comment cannot be read or names no rule.

    ## What it does
    Reports a comment that starts with `wsklint:` but is not `ignore[CODES] reason` or
    `ignore-file[CODES] reason`, and every code in the brackets that is neither a rule code nor a
    rule name. Such a comment suppresses nothing.

    ## Why is this bad?
    The author meant to silence a reviewed finding; a typo silently leaves it reported, or, worse,
    a blanket form would hide findings nobody reviewed. wsklint has no blanket form: the rules must
    be named.

    ## Example
    ```c
    WskDeregister(&g_Registration);  // wsklint: ignore reviewed
    WskDeregister(&g_Registration);  // wsklint: ignore[WSK0013] reviewed
    ```

    ## Use instead
    ```c
    WskDeregister(&g_Registration);  // wsklint: ignore[WSK013] reviewed: the NPI is released in Cleanup()
    ```

    ## Known limitations
    Only comments whose text starts with `wsklint:` are read; anything else is an ordinary comment.

    ## References
    - [Inline suppressions](../README.md#inline-suppressions)
    """

    code = "WSK902"
    name = "invalid-suppression"
    help = "Write `wsklint: ignore[CODE] reason` with a rule code (WSK013) or name (deregister-order)."


META_RULES = [UnusedSuppression, SuppressionWithoutReason, InvalidSuppression]
