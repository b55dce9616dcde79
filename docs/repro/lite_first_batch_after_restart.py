"""Milvus Lite 3.2: is a batch acknowledged right after a crash and restart kept? (pymilvus only, no milvus-boot code)

CrashRecoveryTest saw Milvus Lite 3.2 lose the first batch it acknowledged after a SIGKILL and restart. This script
does the same with pymilvus alone, to tell a server race at restart from a fault of our client:

  1. start `milvus-lite server` on a fresh data directory, create a collection (int64 id, 8-dim float vector);
  2. insert batches of 20 rows every 50 ms from a thread, flushing every 10 batches;
  3. SIGKILL the server once 25 batches are acknowledged, restart it on the same data directory and port;
  4. keep inserting until 10 batches are acknowledged after the restart; flush; query every id ever sent;
  5. print the acknowledged ids that are missing, per round.

Run with the Python of the milvus-local environment, e.g.
  ~/.cache/milvus-boot/venvs/milvus-lite-3.2.2_pymilvus-3.0.2_py3.11/bin/python \
      docs/repro/lite_first_batch_after_restart.py --rounds 5
"""
import argparse
import logging
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

from pymilvus import DataType, MilvusClient

logging.disable(logging.CRITICAL)  # pymilvus logs every refused reconnect with a traceback

BATCH = 20
DIM = 8


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(data_dir, port):
    exe = os.path.join(os.path.dirname(sys.executable), "milvus-lite")
    proc = subprocess.Popen([exe, "server", "--data-dir", data_dir, "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proc
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("milvus-lite did not listen on %d" % port)


class Inserter(threading.Thread):
    def __init__(self, uri, collection):
        super().__init__(daemon=True)
        self.client = MilvusClient(uri=uri, timeout=3)
        self.collection = collection
        self.next_id = 1
        self.acknowledged = []  # (time sent, time acknowledged, ids)
        self.failed = []
        self.flushed = set()
        self.running = True

    def run(self):
        batches = 0
        while self.running:
            ids = list(range(self.next_id, self.next_id + BATCH))
            self.next_id += BATCH
            rows = [{"id": i, "vector": [random.random() for _ in range(DIM)]} for i in ids]
            sent = time.time()
            try:
                self.client.insert(self.collection, rows, timeout=3)
                self.acknowledged.append((sent, time.time(), ids))
                batches += 1
                if batches % 10 == 0:
                    self.client.flush(self.collection, timeout=30)
                    for _, _, done in self.acknowledged:
                        self.flushed.update(done)
            except Exception as ex:  # noqa: BLE001 - any failure is a reported failure here
                self.failed.append((sent, ids, type(ex).__name__))
            time.sleep(0.05)


def one_round(number):
    data_dir = tempfile.mkdtemp(prefix="lite-restart-")
    port = free_port()
    uri = "http://127.0.0.1:%d" % port
    proc = start(data_dir, port)
    try:
        admin = MilvusClient(uri=uri, timeout=30)
        schema = admin.create_schema(auto_id=False)
        schema.add_field("id", DataType.INT64, is_primary=True)
        schema.add_field("vector", DataType.FLOAT_VECTOR, dim=DIM)
        index = admin.prepare_index_params()
        index.add_index("vector", metric_type="L2", index_type="FLAT")
        admin.create_collection("crash", schema=schema, index_params=index)
        loop = Inserter(uri, "crash")
        loop.start()
        while len(loop.acknowledged) < 25:
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        killed = time.time()
        time.sleep(1.0)
        proc = start(data_dir, port)
        restarted = time.time()
        while sum(1 for sent, _, _ in loop.acknowledged if sent > killed) < 10:
            time.sleep(0.05)
        loop.running = False
        loop.join(10)
        admin = MilvusClient(uri=uri, timeout=60)
        admin.load_collection("crash")
        admin.flush("crash")
        sent_ids = list(range(1, loop.next_id))
        present = set()
        for start_at in range(0, len(sent_ids), 1000):
            chunk = sent_ids[start_at:start_at + 1000]
            present.update(r["id"] for r in admin.query("crash", filter="id in %s" % chunk, output_fields=["id"]))
        after = [(sent, ack, ids) for sent, ack, ids in loop.acknowledged if sent > killed]
        lost_after = [(round(ack - restarted, 3), ids[0]) for sent, ack, ids in after if not set(ids) <= present]
        lost_flushed = sorted(loop.flushed - present)
        first_ack = min(ack for _, ack, _ in after) - restarted
        print("round %d: first batch acknowledged %.3f s after the port opened; acknowledged after restart %d batches,"
              " lost %d %s (seconds after the port opened, first id); flushed before the crash lost %d;"
              " failed batches %d"
              % (number, first_ack, len(after), len(lost_after), lost_after, len(lost_flushed), len(loop.failed)),
              flush=True)
        return len(lost_after)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        shutil.rmtree(data_dir, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    losses = [one_round(n + 1) for n in range(args.rounds)]
    print("rounds with an acknowledged batch lost after the restart: %d of %d" % (sum(1 for x in losses if x), len(losses)))


if __name__ == "__main__":
    main()
