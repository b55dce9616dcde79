"""Prints, as JSON, the requests pymilvus (3.0.x) prepares for the administration and partial-upsert calls no
local server accepts: {name: base64 of the serialized request}. No server is used: pymilvus'
pymilvus.client.prepare.Prepare class methods are what its grpc_handler calls before sending.
"""

import base64
import json

from pymilvus import CollectionSchema, DataType, FieldSchema
from pymilvus.client.abstract import CollectionSchema as DescribedSchema
from pymilvus.client.prepare import Prepare
from pymilvus.grpc_gen import milvus_pb2, schema_pb2


def described_fields():
    """The schema dict pymilvus caches from DescribeCollection (what its upsert uses as fields_info)."""
    schema = CollectionSchema([
        FieldSchema("id", DataType.INT64, is_primary=True),
        FieldSchema("vector", DataType.FLOAT_VECTOR, dim=4),
        FieldSchema("year", DataType.INT64),
        FieldSchema("title", DataType.VARCHAR, max_length=32),
    ])
    create = Prepare.create_collection_request("docs", schema)
    proto = schema_pb2.CollectionSchema()
    proto.ParseFromString(create.schema)
    for i, field in enumerate(proto.fields):
        field.fieldID = 100 + i
    return DescribedSchema(raw=milvus_pb2.DescribeCollectionResponse(schema=proto)).dict()["fields"]


GRANT = milvus_pb2.OperatePrivilegeType.Grant
REVOKE = milvus_pb2.OperatePrivilegeType.Revoke
ADD = milvus_pb2.OperatePrivilegeGroupType.AddPrivilegesToGroup
REMOVE = milvus_pb2.OperatePrivilegeGroupType.RemovePrivilegesFromGroup

requests = {
    "grant_v2": Prepare.operate_privilege_v2_request("reader", "CollectionReadOnly", GRANT, "default", "docs"),
    "revoke_v2_all": Prepare.operate_privilege_v2_request("reader", "Search", REVOKE, "*", "*"),
    "create_group": Prepare.create_privilege_group_req("readers"),
    "drop_group": Prepare.drop_privilege_group_req("readers"),
    "list_groups": Prepare.list_privilege_groups_req(),
    "add_to_group": Prepare.operate_privilege_group_req("readers", ["Search", "Query"], ADD),
    "remove_from_group": Prepare.operate_privilege_group_req("readers", ["Query"], REMOVE),
    "partial_upsert_scalar": Prepare.row_upsert_param(
        "docs", [{"id": 2, "year": 1999}, {"id": 3, "year": 2001}], "", described_fields(), partial_update=True),
    "partial_upsert_vector_in_partition": Prepare.row_upsert_param(
        "docs", [{"id": 5, "vector": [0.5, 0.25, -1.0, 2.0], "title": "new"}], "recent", described_fields(),
        partial_update=True),
}
print(json.dumps({name: base64.b64encode(r.SerializeToString(deterministic=True)).decode("ascii")
                  for name, r in requests.items()}))
