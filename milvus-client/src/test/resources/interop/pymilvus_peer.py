"""An independent Milvus client for interoperability tests: pymilvus, driven by a JSON command on stdin.

Commands (one JSON object on stdin, one JSON object printed on stdout):
  {"op": "get", "uri": U, "collection": C, "ids": [...], "fields": [...]}
      -> {"rows": [...]}  (vectors as lists of floats)
  {"op": "insert", "uri": U, "collection": C, "dim": D, "rows": [...]}
      creates C (int64 id, float vector "vector" of D dims, varchar "title", double "score"), inserts the rows,
      indexes and loads -> {"ids": [...]}
  {"op": "search", "uri": U, "collection": C, "vectors": [[...]], "limit": K}
      -> {"hits": [[{"id": i, "distance": d}, ...], ...]}
"""
import json
import sys

from pymilvus import DataType, MilvusClient


def main():
    command = json.load(sys.stdin)
    client = MilvusClient(uri=command["uri"])
    op = command["op"]
    if op == "get":
        rows = client.get(command["collection"], ids=command["ids"], output_fields=command["fields"])
        out = {"rows": [normalize(row) for row in rows]}
    elif op == "insert":
        schema = client.create_schema(auto_id=False, enable_dynamic_field=False)
        schema.add_field("id", DataType.INT64, is_primary=True)
        schema.add_field("vector", DataType.FLOAT_VECTOR, dim=command["dim"])
        schema.add_field("title", DataType.VARCHAR, max_length=200)
        schema.add_field("score", DataType.DOUBLE)
        index = client.prepare_index_params()
        index.add_index(field_name="vector", index_type="FLAT", metric_type="L2")
        client.create_collection(command["collection"], schema=schema, index_params=index)
        result = client.insert(command["collection"], command["rows"])
        out = {"ids": list(result["ids"])}
    elif op == "search":
        results = client.search(command["collection"], data=command["vectors"], limit=command["limit"],
                                search_params={"metric_type": "L2"})
        out = {"hits": [[{"id": hit["id"], "distance": hit["distance"]} for hit in hits] for hits in results]}
    else:
        raise SystemExit("unknown op " + op)
    json.dump(out, sys.stdout)


def normalize(row):
    result = {}
    for key, value in row.items():
        if hasattr(value, "tolist"):
            value = value.tolist()
        if isinstance(value, (list, tuple)):
            value = [float(v) if not isinstance(v, (int, str)) else v for v in value]
        result[key] = value
    return result


if __name__ == "__main__":
    main()
