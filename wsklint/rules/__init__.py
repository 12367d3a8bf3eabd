"""The rule registry: every rule class, in catalog order. Adding a rule = one file + one line here."""
from .wsk001_driver_irp_completion_not_stopped import DriverIrpCompletionNotStopped
from .wsk002_irp_freed_while_owned_by_wsk import IrpFreedWhileOwnedByWsk
from .wsk003_irp_origin_misuse import IrpOriginMisuse
from .wsk004_buffer_released_before_completion import BufferReleasedBeforeCompletion
from .wsk005_call_above_irql_limit import CallAboveIrqlLimit
from .wsk006_paged_code_at_dispatch import PagedCodeAtDispatch
from .wsk007_at_dispatch_flag_misuse import AtDispatchFlagMisuse
from .wsk008_close_socket_race import CloseSocketRace
from .wsk009_socket_from_unchecked_irp import SocketFromUncheckedIrp
from .wsk010_sync_wait_stale_or_abandoned import SyncWaitStaleOrAbandoned
from .wsk011_request_from_completion_routine import RequestFromCompletionRoutine
from .wsk012_capture_npi_blocking_wait import CaptureNpiBlockingWait
from .wsk013_deregister_order import DeregisterOrder
from .wsk014_registration_pairing import RegistrationPairing
from .wsk015_provider_npi_pairing import ProviderNpiPairing
from .wsk016_wsk_buf_mdl_misbuilt import WskBufMdlMisbuilt
from .wsk017_mdl_unlock_free_mismatch import MdlUnlockFreeMismatch
from .wsk018_wsk_buf_out_of_bounds import WskBufOutOfBounds
from .wsk019_indication_release_mismatch import IndicationReleaseMismatch
from .wsk020_callback_return_value import CallbackReturnValue
from .wsk021_dead_socket_signal import DeadSocketSignal
from .wsk022_callback_argument_escapes import CallbackArgumentEscapes
from .wsk023_dispatch_table_category_mismatch import DispatchTableCategoryMismatch
from .wsk024_control_irp_mismatch import ControlIrpMismatch
from .wsk025_address_family_mismatch import AddressFamilyMismatch
from .wsk026_socket_configuration_order import SocketConfigurationOrder
from .wsk027_event_callback_mask import EventCallbackMask
from .wsk028_cached_sd_pairing import CachedSdPairing
from .wsk029_service_port_without_exclusive_use import ServicePortWithoutExclusiveUse
from .wsk030_owning_process import OwningProcess
from .wsk031_address_info_pairing import AddressInfoPairing
from .wsk032_dual_stack_misconfiguration import DualStackMisconfiguration
from .wsk033_abortive_close import AbortiveClose
from .wsk034_one_send_in_flight import OneSendInFlight
from .wsk035_nagle_small_sends import NagleSmallSends
from .wsk036_slow_receive_path import SlowReceivePath
from .wsk037_static_event_callbacks import StaticEventCallbacks
from .wsk038_reserved_flags import ReservedFlags

ALL_RULES = [
    DriverIrpCompletionNotStopped,
    IrpFreedWhileOwnedByWsk,
    IrpOriginMisuse,
    BufferReleasedBeforeCompletion,
    CallAboveIrqlLimit,
    PagedCodeAtDispatch,
    AtDispatchFlagMisuse,
    CloseSocketRace,
    SocketFromUncheckedIrp,
    SyncWaitStaleOrAbandoned,
    RequestFromCompletionRoutine,
    CaptureNpiBlockingWait,
    DeregisterOrder,
    RegistrationPairing,
    ProviderNpiPairing,
    WskBufMdlMisbuilt,
    MdlUnlockFreeMismatch,
    WskBufOutOfBounds,
    IndicationReleaseMismatch,
    CallbackReturnValue,
    DeadSocketSignal,
    CallbackArgumentEscapes,
    DispatchTableCategoryMismatch,
    ControlIrpMismatch,
    AddressFamilyMismatch,
    SocketConfigurationOrder,
    EventCallbackMask,
    CachedSdPairing,
    ServicePortWithoutExclusiveUse,
    OwningProcess,
    AddressInfoPairing,
    DualStackMisconfiguration,
    AbortiveClose,
    OneSendInFlight,
    NagleSmallSends,
    SlowReceivePath,
    StaticEventCallbacks,
    ReservedFlags,
]
