"""Whole-program graphs built from the model (IRP flow, ...), each on demand through `Program`."""
