"""The HTTP service and web page (``newsfuse serve``)."""

from newsfuse.service.app import create_app
from newsfuse.service.limits import Limits

__all__ = ["Limits", "create_app"]
