"""The one error type readers raise: a reason a person can act on, in one line."""


class InputError(Exception):
    """An input that cannot be read, with the input's name and the reason."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason
