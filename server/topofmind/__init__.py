"""Top of Mind: stay memorable to the few people who decide your next job."""

__version__ = "0.1.0"
