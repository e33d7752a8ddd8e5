"""Visitors for the builders whose idiom differs from the parent node's."""
