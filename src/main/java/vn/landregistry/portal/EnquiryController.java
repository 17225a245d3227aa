package vn.landregistry.portal;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.landregistry.history.Changes;

@RestController
@RequestMapping("/api/enquiries")
@Tag(name = "Enquiry inbox", description = "Investors' enquiries, for the authority only")
class EnquiryController {

	private final Enquiries enquiries;

	private final Changes changes;

	EnquiryController(Enquiries enquiries, Changes changes) {
		this.enquiries = enquiries;
		this.changes = changes;
	}

	@GetMapping
	@Operation(summary = "Enquiries, newest first; status NEW, ANSWERED or CLOSED")
	List<Map<String, Object>> inbox(@RequestParam(required = false) String status) {
		return this.enquiries.inbox(status);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Mark an enquiry answered or closed, with a note")
	ResponseEntity<Void> update(@PathVariable long id, @RequestBody EnquiryUpdate update) {
		this.changes.attribute("enquiry " + id);
		this.enquiries.update(id, update);
		return ResponseEntity.noContent().build();
	}

}
