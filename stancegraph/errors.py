"""The one exception users see: a :class:`UserError` becomes one line on stderr and exit code 1/2."""


class UserError(Exception):
    """Bad input or environment, explained in one line that names the file or parameter at fault."""

    exit_code = 1


class UsageError(UserError):
    """A command was called with wrong arguments or parameters."""

    exit_code = 2
