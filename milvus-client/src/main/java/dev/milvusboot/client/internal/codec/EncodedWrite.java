package dev.milvusboot.client.internal.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;

import com.google.protobuf.CodedOutputStream;

import dev.milvusboot.client.internal.proto.UpsertRequest;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor.Marshaller;

/**
 * An insert or upsert request ready for the wire: the protobuf message without its float vector columns, plus those
 * columns as the caller's own {@code float[]} rows. The vectors are written straight from the caller's arrays into
 * gRPC's buffers when the request is sent, as packed little-endian floats: no boxing, no intermediate copy of the
 * request. Protobuf merges repeated fields, so appending the vector columns (field 5, {@code fields_data}) after
 * the rest of the message gives the same message a protobuf encoder would. Internal API.
 */
public final class EncodedWrite {

	/** {@code fields_data} is field 5 of both InsertRequest and UpsertRequest. */
	private static final int FIELDS_DATA = 5;

	private static final int FLOAT_VECTOR_TYPE = 101;

	private static final int CHUNK_BYTES = 64 * 1024;

	private final byte[] message;

	private final List<FloatColumn> floatColumns;

	private final int rows;

	private final int firstRow;

	private final long size;

	EncodedWrite(byte[] message, List<FloatColumn> floatColumns, int firstRow, int rows) {
		this.message = message;
		this.floatColumns = List.copyOf(floatColumns);
		this.firstRow = firstRow;
		this.rows = rows;
		long size = message.length;
		for (FloatColumn column : this.floatColumns) {
			size += column.encodedSize();
		}
		this.size = size;
	}

	/** The number of rows. */
	public int rows() {
		return this.rows;
	}

	/** The index, in the caller's list, of this batch's first row. */
	public int firstRow() {
		return this.firstRow;
	}

	/** The size of the serialized request in bytes. */
	public long serializedSize() {
		return this.size;
	}

	/** Writes the serialized request. */
	public void writeTo(OutputStream out) throws IOException {
		out.write(this.message);
		byte[] chunk = new byte[CHUNK_BYTES];
		for (FloatColumn column : this.floatColumns) {
			column.writeTo(out, chunk);
		}
	}

	/** The serialized request as bytes (for tests and the rare stream reader that cannot drain). */
	public byte[] toByteArray() {
		ByteArrayOutputStream out = new ByteArrayOutputStream((int) this.size);
		try {
			writeTo(out);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * The same upsert with {@code partial_update} set (field 9 of UpsertRequest), appended as protobuf allows:
	 * the server then changes only the fields sent.
	 */
	EncodedWrite withPartialUpdate() {
		byte[] flag = UpsertRequest.newBuilder().setPartialUpdate(true).build().toByteArray();
		byte[] flagged = Arrays.copyOf(this.message, this.message.length + flag.length);
		System.arraycopy(flag, 0, flagged, this.message.length, flag.length);
		return new EncodedWrite(flagged, this.floatColumns, this.firstRow, this.rows);
	}

	/** The gRPC marshaller of encoded writes; requests only (they are never parsed). */
	public static Marshaller<EncodedWrite> marshaller() {
		return WriteMarshaller.INSTANCE;
	}

	/** One float vector column of a batch: rows {@code from} to {@code to} of the caller's vectors. */
	static final class FloatColumn {

		private final byte[] prefix;

		private final float[][] vectors;

		private final int from;

		private final int to;

		private final int dim;

		FloatColumn(String name, int dim, float[][] vectors, int from, int to) {
			this.vectors = vectors;
			this.from = from;
			this.to = to;
			this.dim = dim;
			this.prefix = prefix(name, dim, (long) (to - from) * dim * 4);
		}

		long encodedSize() {
			return this.prefix.length + (long) (this.to - this.from) * this.dim * 4;
		}

		void writeTo(OutputStream out, byte[] chunk) throws IOException {
			out.write(this.prefix);
			ByteBuffer bytes = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
			FloatBuffer floats = bytes.asFloatBuffer();
			int capacity = floats.capacity();
			for (int row = this.from; row < this.to; row++) {
				float[] vector = this.vectors[row];
				int offset = 0;
				while (offset < vector.length) {
					int n = Math.min(vector.length - offset, floats.remaining());
					floats.put(vector, offset, n);
					offset += n;
					if (!floats.hasRemaining()) {
						out.write(chunk, 0, capacity * 4);
						floats.clear();
					}
				}
			}
			if (floats.position() > 0) {
				out.write(chunk, 0, floats.position() * 4);
			}
		}

		/** Everything before the packed floats: the field tag of fields_data and the nested message headers. */
		private static byte[] prefix(String name, int dim, long payload) {
			byte[] nameBytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
			long floatArray = 1 + CodedOutputStream.computeUInt64SizeNoTag(payload) + payload;
			long vectorField = 1 + CodedOutputStream.computeUInt64SizeNoTag(dim) + 1
					+ CodedOutputStream.computeUInt64SizeNoTag(floatArray) + floatArray;
			long fieldData = 1 + CodedOutputStream.computeUInt32SizeNoTag(FLOAT_VECTOR_TYPE) + 1
					+ CodedOutputStream.computeUInt32SizeNoTag(nameBytes.length) + nameBytes.length + 1
					+ CodedOutputStream.computeUInt64SizeNoTag(vectorField) + vectorField;
			byte[] prefix = new byte[(int) (fieldData - payload + 1 + CodedOutputStream.computeUInt64SizeNoTag(fieldData))];
			CodedOutputStream out = CodedOutputStream.newInstance(prefix);
			try {
				out.writeTag(FIELDS_DATA, 2);
				out.writeUInt64NoTag(fieldData);
				out.writeEnum(1, FLOAT_VECTOR_TYPE);
				out.writeByteArray(2, nameBytes);
				out.writeTag(4, 2);
				out.writeUInt64NoTag(vectorField);
				out.writeInt64(1, dim);
				out.writeTag(2, 2);
				out.writeUInt64NoTag(floatArray);
				out.writeTag(1, 2);
				out.writeUInt64NoTag(payload);
				out.checkNoSpaceLeft();
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot encode the vector column '" + name + "'", ex);
			}
			return prefix;
		}

	}

	private static final class WriteMarshaller implements Marshaller<EncodedWrite> {

		static final WriteMarshaller INSTANCE = new WriteMarshaller();

		@Override
		public InputStream stream(EncodedWrite value) {
			return new WriteStream(value);
		}

		@Override
		public EncodedWrite parse(InputStream stream) {
			throw new UnsupportedOperationException("Encoded writes are only sent");
		}

	}

	/** Drained by gRPC straight into its buffers; read byte by byte only as a fallback. */
	private static final class WriteStream extends InputStream implements Drainable, KnownLength {

		private final EncodedWrite write;

		private InputStream fallback;

		private boolean drained;

		WriteStream(EncodedWrite write) {
			this.write = write;
		}

		@Override
		public int drainTo(OutputStream target) throws IOException {
			if (this.fallback != null || this.drained) {
				throw new IOException("The request was already read");
			}
			this.drained = true;
			this.write.writeTo(target);
			return (int) this.write.size;
		}

		@Override
		public int available() {
			if (this.drained) {
				return 0;
			}
			return (this.fallback != null) ? uncheckedAvailable() : (int) this.write.size;
		}

		private int uncheckedAvailable() {
			try {
				return this.fallback.available();
			}
			catch (IOException ex) {
				return 0;
			}
		}

		@Override
		public int read() throws IOException {
			return fallback().read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			return fallback().read(buffer, offset, length);
		}

		private InputStream fallback() {
			if (this.fallback == null) {
				this.fallback = new java.io.ByteArrayInputStream(this.drained ? new byte[0] : this.write.toByteArray());
			}
			return this.fallback;
		}

	}

}
