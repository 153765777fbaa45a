package io.backtrack.platform.fhir;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/** A {@code searchset} Bundle of one page of matches, with self, next and previous links. */
public final class SearchBundle {

    private SearchBundle() {
    }

    public static Bundle of(List<? extends Resource> matches, FhirSearch search, UriInfo uri) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(matches.size());
        bundle.addLink().setRelation("self").setUrl(uri.getRequestUri().toString());
        int start = Math.min(search.offset(), matches.size());
        int end = (int) Math.min(matches.size(), (long) start + search.count());
        if (end < matches.size()) {
            bundle.addLink().setRelation("next").setUrl(page(uri, end));
        }
        if (start > 0) {
            bundle.addLink().setRelation("previous").setUrl(page(uri, Math.max(0, start - search.count())));
        }
        String base = baseOf(uri);
        for (Resource resource : matches.subList(start, end)) {
            bundle.addEntry()
                    .setFullUrl(base + "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart())
                    .setResource(resource)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    /** The service's FHIR base URL as the caller reached it. */
    public static String baseOf(UriInfo uri) {
        URI root = uri.getBaseUri();
        String base = root.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + Fhir.BASE_PATH;
    }

    private static String page(UriInfo uri, int offset) {
        return uri.getRequestUriBuilder().replaceQueryParam("_offset", offset).build().toString();
    }
}
