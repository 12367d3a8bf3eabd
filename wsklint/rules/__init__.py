"""The rule registry: every rule class, in catalog order. Adding a rule = one file + one line here."""
from .wsk012_capture_npi_blocking_wait import CaptureNpiBlockingWait
from .wsk013_deregister_order import DeregisterOrder
from .wsk014_registration_pairing import RegistrationPairing
from .wsk015_provider_npi_pairing import ProviderNpiPairing
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
    CaptureNpiBlockingWait,
    DeregisterOrder,
    RegistrationPairing,
    ProviderNpiPairing,
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
