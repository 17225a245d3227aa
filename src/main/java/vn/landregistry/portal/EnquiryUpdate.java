package vn.landregistry.portal;

/** The authority answers or closes an enquiry. */
record EnquiryUpdate(Long version, String status, String answerNote) {
}
