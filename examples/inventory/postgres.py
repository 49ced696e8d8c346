"""Helpers of docs/orm/postgresql.md: a second connection, and a view.

in_another_connection() runs a query the way a worker process would: on a
database connection of its own. receive_goods is a view that writes two
rows, for the ATOMIC_REQUESTS example; this module is also its URLconf.
"""

import threading

from django.db import connections
from django.http import HttpResponse
from django.urls import path

from .models import Product, StockMovement


# --8<-- [start:in_another_connection]
def in_another_connection(query):
    """Call query() in a new thread, on a connection of its own, like a worker.

    Return what it returned, or the exception it raised. Django gives each
    thread its own connection, so query() does not see what the caller's
    transaction has not committed yet.
    """
    outcome = []

    def run():
        try:
            outcome.append(query())
        except Exception as exc:
            outcome.append(exc)
        finally:
            for wrapper in connections.all(initialized_only=True):
                wrapper.close()
                # close() leaves an in-memory SQLite database (the test
                # database) open: close this thread's connection to it.
                if wrapper.connection is not None:
                    wrapper.connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return outcome[0]


# --8<-- [end:in_another_connection]


# --8<-- [start:receive_goods]
def receive_goods(request, sku):
    """Create a product and its first stock movement: two writes, one request."""
    product = Product.objects.create(sku=sku, name=sku)
    StockMovement.objects.create(product=product, quantity=10)
    return HttpResponse(status=201)


urlpatterns = [path("receive/<str:sku>/", receive_goods)]
# --8<-- [end:receive_goods]
