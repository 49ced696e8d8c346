"""Plain functions: importing this module connects nothing."""


def count(sender, **kwargs):
    return "count"


def forward(sender, channel, **kwargs):
    return f"forward by {channel}"
