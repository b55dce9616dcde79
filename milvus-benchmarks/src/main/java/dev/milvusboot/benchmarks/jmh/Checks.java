package dev.milvusboot.benchmarks.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

/** Sanity checks run once per trial: both clients must do the same work, or the comparison means nothing. */
final class Checks {

	private Checks() {
	}

	static void require(boolean condition, String what) {
		if (!condition) {
			throw new IllegalStateException("Ours and theirs disagree: " + what);
		}
	}

	/**
	 * Requires two messages of the same type to be equal field by field, every field (set or not, unknown fields
	 * included), and names the fields that differ otherwise.
	 * @param what what the messages are, for the failure's message
	 */
	static void requireSame(String what, Message ours, Message theirs) {
		List<String> differences = new ArrayList<>();
		differences(ours, theirs, "", differences);
		if (!ours.getUnknownFields().equals(theirs.getUnknownFields())) {
			differences.add("(unknown fields)");
		}
		require(differences.isEmpty() && ours.equals(theirs), what + " differs in " + differences);
	}

	private static void differences(Message a, Message b, String path, List<String> out) {
		if (!a.getDescriptorForType().getFullName().equals(b.getDescriptorForType().getFullName())) {
			out.add(path + " (type)");
			return;
		}
		for (FieldDescriptor field : a.getDescriptorForType().getFields()) {
			Object x = a.getField(field);
			Object y = b.getField(field);
			if (Objects.equals(x, y)) {
				continue;
			}
			String name = path + field.getName();
			if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isRepeated()) {
				differences((Message) x, (Message) y, name + ".", out);
			}
			else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && x instanceof List<?> xs
					&& y instanceof List<?> ys && xs.size() == ys.size()) {
				for (int i = 0; i < xs.size(); i++) {
					differences((Message) xs.get(i), (Message) ys.get(i), name + "[" + i + "].", out);
				}
			}
			else {
				out.add(name);
			}
		}
	}

}
