package dev.milvusboot.sample.documents;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.milvusboot.sample.documents.DocumentStore.SearchHit;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The document API: {@code POST /documents}, {@code GET|DELETE /documents/{id}},
 * {@code GET /documents?category=...&page=0&size=20} and {@code GET /documents/search?q=...&k=5&category=...}.
 * Listings and searches take the filter fields of {@link FilterFields} as query parameters.
 */
@RestController
@RequestMapping("/documents")
final class DocumentController {

	private final DocumentStore store;

	DocumentController(DocumentStore store) {
		this.store = store;
	}

	@PostMapping
	public ResponseEntity<Created> add(@RequestBody NewDocument document) {
		String text = document.text();
		if (text == null || text.isBlank()) {
			throw new InvalidRequestException("'text' is required and must not be blank");
		}
		if (text.length() > Document.MAX_TEXT_LENGTH) {
			throw new InvalidRequestException("'text' must have at most " + Document.MAX_TEXT_LENGTH
					+ " characters, but has " + text.length());
		}
		Map<String, Object> metadata = (document.metadata() != null) ? document.metadata() : Map.of();
		long id = this.store.add(text, metadata);
		URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id).toUri();
		return ResponseEntity.created(location).body(new Created(id));
	}

	@GetMapping("/{id}")
	public View get(@PathVariable long id) {
		return View.of(this.store.find(id).orElseThrow(() -> new DocumentNotFoundException(id)));
	}

	@DeleteMapping("/{id}")
	public ResponseEntity<Void> delete(@PathVariable long id) {
		if (!this.store.delete(id)) {
			throw new DocumentNotFoundException(id);
		}
		return ResponseEntity.noContent().build();
	}

	@GetMapping
	public Listing list(FilterFields fields, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		if (page < 0) {
			throw new InvalidRequestException("'page' must be 0 or more, but was " + page);
		}
		if (size < 1 || size > DocumentStore.MAX_TOP_K) {
			throw new InvalidRequestException(
					"'size' must be between 1 and " + DocumentStore.MAX_TOP_K + ", but was " + size);
		}
		Page<Document> found = this.store.list(fields.toFilter(), PageRequest.of(page, size));
		return new Listing(found.getContent().stream().map(View::of).toList(), page, size, found.getTotalElements());
	}

	@GetMapping("/search")
	public List<SearchHit> search(@RequestParam String q, @RequestParam(defaultValue = "5") int k,
			FilterFields fields) {
		if (q.isBlank()) {
			throw new InvalidRequestException("'q' must not be blank");
		}
		return this.store.search(q, checkTopK(k), fields.toFilter());
	}

	static int checkTopK(int k) {
		if (k < 1 || k > DocumentStore.MAX_TOP_K) {
			throw new InvalidRequestException("'k' must be between 1 and " + DocumentStore.MAX_TOP_K + ", but was " + k);
		}
		return k;
	}

	/**
	 * A document to store.
	 *
	 * @param text the text (required)
	 * @param metadata free-form attributes, such as a {@code category} (a string, which the filters match)
	 */
	record NewDocument(@Nullable String text, @Nullable Map<String, Object> metadata) {

	}

	/**
	 * A stored document's id.
	 *
	 * @param id the id Milvus assigned
	 */
	record Created(long id) {

	}

	/**
	 * A stored document.
	 *
	 * @param id its id
	 * @param text its text
	 * @param metadata its attributes
	 * @param created when it was stored
	 */
	record View(long id, String text, Map<String, Object> metadata, Instant created) {

		static View of(Document document) {
			Long id = document.id();
			return new View((id != null) ? id : -1, document.text(), document.metadata(),
					Instant.ofEpochMilli(document.created()));
		}

	}

	/**
	 * A page of a listing.
	 *
	 * @param documents the documents of the page, in id order
	 * @param page the page number, from 0
	 * @param size the most documents a page has
	 * @param total how many documents the filter keeps
	 */
	record Listing(List<View> documents, int page, int size, long total) {

	}

}
