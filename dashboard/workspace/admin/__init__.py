"""The admin room: accounts (list, add, role, password reset with the lock-out lifted)."""
