"""The rule registry: every rule class, in catalog order. Adding a rule = one file + one line here."""
from .wsk001_driver_irp_completion_not_stopped import DriverIrpCompletionNotStopped
from .wsk002_irp_freed_while_owned_by_wsk import IrpFreedWhileOwnedByWsk
from .wsk003_irp_origin_misuse import IrpOriginMisuse
from .wsk004_buffer_released_before_completion import BufferReleasedBeforeCompletion
from .wsk010_sync_wait_stale_or_abandoned import SyncWaitStaleOrAbandoned
from .wsk012_capture_npi_blocking_wait import CaptureNpiBlockingWait
from .wsk013_deregister_order import DeregisterOrder
from .wsk014_registration_pairing import RegistrationPairing
from .wsk015_provider_npi_pairing import ProviderNpiPairing
from .wsk031_address_info_pairing import AddressInfoPairing

ALL_RULES = [
    DriverIrpCompletionNotStopped,
    IrpFreedWhileOwnedByWsk,
    IrpOriginMisuse,
    BufferReleasedBeforeCompletion,
    SyncWaitStaleOrAbandoned,
    CaptureNpiBlockingWait,
    DeregisterOrder,
    RegistrationPairing,
    ProviderNpiPairing,
    AddressInfoPairing,
]
