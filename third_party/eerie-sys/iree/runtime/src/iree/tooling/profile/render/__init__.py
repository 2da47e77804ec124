"""Shared implementation for the iree-profile-render command."""
