"""The rule registry: every rule class, in catalog order. Adding a rule = one file + one line here."""
from .wsk005_call_above_irql_limit import CallAboveIrqlLimit
from .wsk006_paged_code_at_dispatch import PagedCodeAtDispatch
from .wsk007_at_dispatch_flag_misuse import AtDispatchFlagMisuse
from .wsk008_close_socket_race import CloseSocketRace
from .wsk012_capture_npi_blocking_wait import CaptureNpiBlockingWait
from .wsk013_deregister_order import DeregisterOrder
from .wsk014_registration_pairing import RegistrationPairing
from .wsk015_provider_npi_pairing import ProviderNpiPairing
from .wsk020_callback_return_value import CallbackReturnValue
from .wsk021_dead_socket_signal import DeadSocketSignal
from .wsk031_address_info_pairing import AddressInfoPairing

ALL_RULES = [
    CallAboveIrqlLimit,
    PagedCodeAtDispatch,
    AtDispatchFlagMisuse,
    CloseSocketRace,
    CaptureNpiBlockingWait,
    DeregisterOrder,
    RegistrationPairing,
    ProviderNpiPairing,
    CallbackReturnValue,
    DeadSocketSignal,
    AddressInfoPairing,
]
