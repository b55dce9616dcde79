#!/usr/bin/env python3
"""Wire-compatibility check of our Milvus .proto subset against upstream milvus-proto.

Usage:
    python3 check_compat.py [--protoc PROTOC] [--strict] [--java-out DIR]
                            (--upstream PROTO_DIR | --pymilvus GRPC_GEN_DIR_OR_WHEEL) ...

  --upstream DIR    a folder with upstream common.proto / schema.proto / milvus.proto (+ rg, feder, msg);
                    e.g. the .proto files unzipped from io.milvus:milvus-sdk-java-<ver>.jar, or
                    milvus-proto's proto/ folder. Compiled here with protoc; the
                    google/protobuf/descriptor.proto import and the custom options/extends that need it
                    are stripped first, so no protobuf include folder is needed.
  --pymilvus PATH   pymilvus' grpc_gen folder or a pymilvus wheel: the serialized descriptors
                    embedded in *_pb2.py are used (no protoc needed for that source).
  Give several sources oldest first; all must agree with ours on wire-relevant facts
  (field name/number/type/label, enum values, RPC request/response types). API-only facts
  (oneof membership, proto3 `optional`) are compared with the newest source that has the field.
  --protoc          protoc binary (default: $PROTOC, `protoc` on PATH, or the newest
                    com/google/protobuf/protoc/*/protoc-*-linux-x86_64.exe in ~/.m2).
  --java-out DIR    also run `protoc --java_out=DIR` on our files (default: a temp dir).
  --strict          treat warnings (upstream fields/enum values of kept messages that we omit
                    without listing them in EXPECTED_OMISSIONS) as errors.

Our files are the common.proto / schema.proto / milvus.proto next to this script.
Needs the `protobuf` Python package (pip install protobuf). Exit code 0 = compatible.

Example (see the report printed at the end):
    python3 -m venv /tmp/pyenv && /tmp/pyenv/bin/pip install protobuf
    mvn -q dependency:get -Dartifact=io.milvus:milvus-sdk-java:2.6.7
    mkdir -p /tmp/up26 && cd /tmp/up26 && unzip -o -q \
        ~/.m2/repository/io/milvus/milvus-sdk-java/2.6.7/milvus-sdk-java-2.6.7.jar '*.proto'
    pip download --no-deps pymilvus==3.0.2 -d /tmp/pym
    /tmp/pyenv/bin/python proto/check_compat.py --strict \
        --upstream /tmp/up26 --pymilvus /tmp/pym/pymilvus-3.0.2-py3-none-any.whl
"""
import argparse
import ast
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

try:
    from google.protobuf import descriptor_pb2 as dpb
except ImportError:
    sys.exit("needs the protobuf Python package: pip install protobuf")

HERE = os.path.dirname(os.path.abspath(__file__))
OUR_FILES = ["common.proto", "schema.proto", "milvus.proto"]
PACKAGES = {"common.proto": "milvus.proto.common", "schema.proto": "milvus.proto.schema",
            "milvus.proto": "milvus.proto.milvus"}
OUTER = {"common.proto": "CommonProto", "schema.proto": "SchemaProto", "milvus.proto": "MilvusProto"}
JAVA_PACKAGE = "dev.milvusboot.client.internal.proto"
SERVICE = ".milvus.proto.milvus.MilvusService"

# Upstream fields of messages we keep that we leave out on purpose (fully-qualified message, number).
EXPECTED_OMISSIONS = {
    (".milvus.proto.common.MsgBase", 7): "replicateInfo (CDC, deprecated)",
    (".milvus.proto.milvus.FlushResponse", 7): "channel_cps (needs msg.proto)",
    (".milvus.proto.milvus.SearchRequest", 23): "search_aggregation (aggregation specs)",
    (".milvus.proto.milvus.SearchRequest", 24): "function_chains (FunctionChain* messages)",
    (".milvus.proto.milvus.HybridSearchRequest", 15): "function_chains (FunctionChain* messages)",
    (".milvus.proto.schema.SearchResultData", 18): "agg_buckets (AggBucket* messages)",
    (".milvus.proto.common.ClientInfo", 6): "reserved (a map: its descriptor would slow the first Connect)",
    (".milvus.proto.common.ServerInfo", 6): "reserved (a map: its descriptor would slow the first Connect)",
}

FT = dpb.FieldDescriptorProto


def find_protoc(arg):
    for cand in [arg, os.environ.get("PROTOC"), shutil.which("protoc")]:
        if cand:
            return cand
    found = sorted(glob.glob(os.path.expanduser(
        "~/.m2/repository/com/google/protobuf/protoc/*/protoc-*-linux-x86_64.exe")))
    if found:
        exe = found[-1]
        os.chmod(exe, 0o755)
        return exe
    sys.exit("protoc not found: pass --protoc, set $PROTOC, or "
             "mvn dependency:get -Dartifact=com.google.protobuf:protoc:<ver>:exe:linux-x86_64")


def run_protoc(protoc, include, files, descriptor_out):
    cmd = [protoc, "-I" + include, "--include_imports", "--descriptor_set_out=" + descriptor_out] + files
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit("protoc failed: %s\n%s" % (" ".join(cmd), res.stderr))
    with open(descriptor_out, "rb") as fh:
        return dpb.FileDescriptorSet.FromString(fh.read())


def skip_block(text, i):
    """text[i] == '{': return index just past the matching '}' (ignores braces in strings/comments)."""
    depth = 0
    n = len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            i = text.find("\n", i)
            i = n if i < 0 else i
            continue
        if text.startswith("/*", i):
            i = text.find("*/", i) + 2
            continue
        if c == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError("unbalanced braces")


def strip_custom_options(text):
    """Drop the descriptor.proto import, `extend ... {}` blocks and `option (custom) = ...;`."""
    text = re.sub(r'import\s+"google/protobuf/descriptor\.proto"\s*;', "", text)
    out = []
    i = 0
    pat = re.compile(r'\bextend\s+[\w.]+\s*\{|\boption\s*\(\s*[\w.]+\s*\)[\w.]*\s*=\s*')
    while True:
        m = pat.search(text, i)
        if not m:
            out.append(text[i:])
            break
        out.append(text[i:m.start()])
        j = m.end()
        if m.group(0).startswith("extend"):
            j = skip_block(text, m.end() - 1)
        else:
            while text[j].isspace():
                j += 1
            if text[j] == "{":
                j = skip_block(text, j)
            else:
                j = text.index(";", j)
            while j < len(text) and text[j].isspace():
                j += 1
            if j < len(text) and text[j] == ";":
                j += 1
        i = j
    return "".join(out)


def load_upstream_dir(protoc, folder, tmp):
    dst = tempfile.mkdtemp(prefix="upstream_", dir=tmp)
    for path in glob.glob(os.path.join(folder, "*.proto")):
        with open(path, encoding="utf-8") as fh:
            text = strip_custom_options(fh.read())
        with open(os.path.join(dst, os.path.basename(path)), "w", encoding="utf-8") as fh:
            fh.write(text)
    if not os.path.exists(os.path.join(dst, "milvus.proto")):
        sys.exit("no milvus.proto in " + folder)
    return run_protoc(protoc, dst, ["milvus.proto"], os.path.join(dst, "set.pb"))


def load_pymilvus(path):
    sources = {}
    if path.endswith(".whl"):
        with zipfile.ZipFile(path) as zf:
            for name in zf.namelist():
                if re.search(r"grpc_gen/\w+_pb2\.py$", name):
                    sources[name] = zf.read(name).decode("utf-8")
    else:
        for name in glob.glob(os.path.join(path, "*_pb2.py")):
            with open(name, encoding="utf-8") as fh:
                sources[name] = fh.read()
    fds = dpb.FileDescriptorSet()
    for name, src in sorted(sources.items()):
        for node in ast.walk(ast.parse(src)):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "AddSerializedFile":
                fds.file.append(dpb.FileDescriptorProto.FromString(node.args[0].value))
    if not fds.file:
        sys.exit("no serialized descriptors found in " + path)
    return fds


class Index:
    """Fully-qualified name -> (file name, descriptor) for messages and enums, plus services."""

    def __init__(self, label, fds):
        self.label = label
        self.types = {}
        self.methods = {}
        self.files = {f.name: f for f in fds.file}
        for f in fds.file:
            self._walk("." + f.package if f.package else "", f.message_type, f.enum_type, f.name)
            for s in f.service:
                for m in s.method:
                    self.methods[".%s.%s/%s" % (f.package, s.name, m.name)] = m

    def _walk(self, prefix, msgs, enums, fname):
        for e in enums:
            self.types[prefix + "." + e.name] = (fname, e)
        for m in msgs:
            self.types[prefix + "." + m.name] = (fname, m)
            self._walk(prefix + "." + m.name, m.nested_type, m.enum_type, fname)


def field_sig(f):
    return (f.name, FT.Type.Name(f.type), f.type_name, FT.Label.Name(f.label))


def oneof_of(msg, f):
    if f.HasField("oneof_index") and not f.proto3_optional:
        return msg.oneof_decl[f.oneof_index].name
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--upstream", action="append", default=[])
    ap.add_argument("--pymilvus", action="append", default=[])
    ap.add_argument("--protoc")
    ap.add_argument("--java-out")
    ap.add_argument("--strict", action="store_true")
    args = ap.parse_args()
    if not args.upstream and not args.pymilvus:
        ap.error("give at least one --upstream or --pymilvus source")

    protoc = find_protoc(args.protoc)
    tmp = tempfile.mkdtemp(prefix="milvus_compat_")
    errors, warnings = [], []

    # --- ours
    ours_set = run_protoc(protoc, HERE, OUR_FILES, os.path.join(tmp, "ours.pb"))
    ours = Index("ours", ours_set)
    for f in ours_set.file:
        if f.package != PACKAGES.get(f.name):
            errors.append("%s: package %r" % (f.name, f.package))
        o = f.options
        if not (o.java_multiple_files and o.java_package == JAVA_PACKAGE
                and o.java_outer_classname == OUTER.get(f.name)):
            errors.append("%s: java options not as required" % f.name)
        extra = set(f.dependency) - set(OUR_FILES)
        if extra:
            errors.append("%s: unexpected imports %s" % (f.name, sorted(extra)))
        if f.extension:
            errors.append("%s: declares extensions" % f.name)
    # java_multiple_files + one Java package: top-level names must be unique across files
    seen = {}
    for f in ours_set.file:
        for n in [m.name for m in f.message_type] + [e.name for e in f.enum_type] + \
                 [s.name + "Grpc" for s in f.service] + [OUTER[f.name]]:
            if n in seen:
                errors.append("Java class name clash: %s in %s and %s" % (n, seen[n], f.name))
            seen[n] = f.name
    java_out = args.java_out or os.path.join(tmp, "java")
    os.makedirs(java_out, exist_ok=True)
    res = subprocess.run([protoc, "-I" + HERE, "--java_out=" + java_out] + OUR_FILES,
                         capture_output=True, text=True)
    if res.returncode != 0 or res.stderr.strip():
        errors.append("protoc --java_out: " + res.stderr.strip())
    n_java = sum(len(fs) for _, _, fs in os.walk(java_out))

    # --- upstream sources, oldest first
    ups = []
    for d in args.upstream:
        ups.append(Index(d, load_upstream_dir(protoc, d, tmp)))
    for p in args.pymilvus:
        ups.append(Index(p, load_pymilvus(p)))

    n_fields = n_values = 0
    for fq, (fname, desc) in sorted(ours.types.items()):
        have = [u for u in ups if fq in u.types]
        if not have:
            errors.append("%s: not found in any upstream source" % fq)
            continue
        if isinstance(desc, dpb.EnumDescriptorProto):
            ours_vals = {v.number: v.name for v in desc.value}
            upstream_vals = {}
            for u in have:
                for v in u.types[fq][1].value:
                    if v.number in ours_vals and ours_vals[v.number] != v.name:
                        errors.append("%s: value %d is %s here, %s in %s"
                                      % (fq, v.number, ours_vals[v.number], v.name, u.label))
                    upstream_vals.setdefault(v.number, v.name)
            for num, name in ours_vals.items():
                n_values += 1
                if num not in upstream_vals:
                    errors.append("%s: value %s=%d not found upstream" % (fq, name, num))
            for num, name in sorted(upstream_vals.items()):
                if num not in ours_vals:
                    warnings.append("%s: upstream value %s=%d omitted" % (fq, name, num))
            continue
        # message
        for f in desc.field:
            n_fields += 1
            found = []
            for u in have:
                umsg = u.types[fq][1]
                uf = [x for x in umsg.field if x.number == f.number]
                if not uf:
                    continue
                uf = uf[0]
                found.append((u, umsg, uf))
                if field_sig(uf) != field_sig(f):
                    errors.append("%s.%s=%d: ours %s, %s has %s"
                                  % (fq, f.name, f.number, field_sig(f), u.label, field_sig(uf)))
            if not found:
                errors.append("%s.%s=%d: not found in any upstream source" % (fq, f.name, f.number))
                continue
            u, umsg, uf = found[-1]  # newest source with this field
            if oneof_of(umsg, uf) != oneof_of(desc, f) or uf.proto3_optional != f.proto3_optional:
                errors.append("%s.%s: oneof/optional differs from %s (ours oneof=%s optional=%s, "
                              "upstream oneof=%s optional=%s)" % (fq, f.name, u.label, oneof_of(desc, f),
                                                                  f.proto3_optional, oneof_of(umsg, uf),
                                                                  uf.proto3_optional))
        ours_nums = {f.number for f in desc.field}
        omitted = {}
        for u in have:
            for uf in u.types[fq][1].field:
                if uf.number not in ours_nums:
                    omitted.setdefault(uf.number, uf.name)
        for num, name in sorted(omitted.items()):
            if (fq, num) not in EXPECTED_OMISSIONS:
                warnings.append("%s: upstream field %s=%d omitted" % (fq, name, num))

    n_rpcs = 0
    for key, m in sorted(ours.methods.items()):
        n_rpcs += 1
        have = [(u, u.methods[key]) for u in ups if key in u.methods]
        if not have:
            errors.append("rpc %s: not found in any upstream source" % key)
        for u, um in have:
            for attr in ("input_type", "output_type", "client_streaming", "server_streaming"):
                if getattr(um, attr) != getattr(m, attr):
                    errors.append("rpc %s: %s is %s here, %s in %s"
                                  % (key, attr, getattr(m, attr), getattr(um, attr), u.label))

    for (fq, num), why in sorted(EXPECTED_OMISSIONS.items()):
        print("INFO omitted on purpose: %s field %d: %s" % (fq, num, why))
    for w in warnings:
        print("WARN " + w)
    for e in errors:
        print("ERROR " + e)
    print("checked %d types, %d fields, %d enum values, %d RPCs against: %s; java files generated: %d"
          % (len(ours.types), n_fields, n_values, n_rpcs, ", ".join(u.label for u in ups), n_java))
    shutil.rmtree(tmp, ignore_errors=True)
    if errors or (args.strict and warnings):
        print("FAILED: %d errors, %d warnings" % (len(errors), len(warnings)))
        return 1
    print("OK: %d errors, %d warnings" % (len(errors), len(warnings)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
