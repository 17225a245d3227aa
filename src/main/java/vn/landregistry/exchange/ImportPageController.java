package vn.landregistry.exchange;

import java.util.Locale;

import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;

import vn.landregistry.shared.PageController;
import vn.landregistry.shared.PageMessages;

/**
 * The import and export page of the authority: upload a file, read its report on a map, map its
 * attributes, commit or discard; and download any layer in a format and CRS for QGIS or CAD.
 */
@PageController
class ImportPageController {

	private final PageMessages messages;

	private final DataSize maxUpload;

	ImportPageController(PageMessages messages, @Value("${spring.servlet.multipart.max-file-size:200MB}") DataSize maxUpload) {
		this.messages = messages;
		this.maxUpload = maxUpload;
	}

	@GetMapping("/import")
	String page(Model model, Locale locale) {
		model.addAttribute("messages", this.messages.forLocale(locale));
		model.addAttribute("crsPresets", ExchangeCrs.presets());
		model.addAttribute("maxUploadBytes", this.maxUpload.toBytes());
		model.addAttribute("maxUploadMb", this.maxUpload.toMegabytes());
		return "import";
	}

}
