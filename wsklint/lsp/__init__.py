"""The language server (`wsklint server`): editor diagnostics over LSP. Importing this package pulls in pygls."""


def main():
    from .server import main as run
    run()
