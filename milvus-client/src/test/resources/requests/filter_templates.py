#!/usr/bin/env python3
"""Prints the filter part of the requests pymilvus (3.0.x) prepares for a filter with parameters, without a server.

Usage: python filter_templates.py case.json > out.json
case.json: {"expr": "year > {min}", "params": {"min": 2000}}
out.json: {"query"|"delete"|"search": {"expr": <expr or dsl sent>, "values": {name: base64 of TemplateValue}}}
The test of our client parses each TemplateValue and compares it with the one our client builds.
"""

import base64
import json
import sys

from pymilvus.client.prepare import Prepare


def values(request):
    return {name: base64.b64encode(value.SerializeToString()).decode("ascii")
            for name, value in request.expr_template_values.items()}


def main():
    with open(sys.argv[1], encoding="utf-8") as file:
        case = json.load(file)
    expr, params = case["expr"], case["params"]
    query = Prepare.query_request("docs", expr, ["id"], [], expr_params=params)
    delete = Prepare.delete_request("docs", expr, None, "Bounded", expr_params=params)
    search = Prepare.search_requests_with_expr(
        collection_name="docs", anns_field="vector", param={"metric_type": "L2", "params": {}}, limit=3,
        data=[[0.1, 0.2, 0.3, 0.4]], expr=expr, expr_params=params)
    json.dump({
        "query": {"expr": query.expr, "values": values(query)},
        "delete": {"expr": delete.expr, "values": values(delete)},
        "search": {"expr": search.dsl, "values": values(search)},
    }, sys.stdout)


if __name__ == "__main__":
    main()
