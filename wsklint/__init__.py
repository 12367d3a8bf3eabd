"""wsklint: a static analyzer for Windows kernel drivers that use Winsock Kernel (WSK)."""
__version__ = "0.1.0"
