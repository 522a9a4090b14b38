from django.db import connection
from django.http import HttpResponse


def floor(request):
    """The least a Django view can do: the throughput every page is compared with."""
    return HttpResponse("ok", content_type="text/plain")


class QueryCountMiddleware:
    """Adds `X-DB-Queries`: how many SQL queries the request made."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response["X-DB-Queries"] = str(count)
        return response
