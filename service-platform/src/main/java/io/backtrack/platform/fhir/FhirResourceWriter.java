package io.backtrack.platform.fhir;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** Writes FHIR resources with HAPI's parser, never with the service's own JSON mapper. */
@Provider
@Produces({Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class FhirResourceWriter implements MessageBodyWriter<IBaseResource> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return IBaseResource.class.isAssignableFrom(type);
    }

    /**
     * Labels the body as what it is, the negotiated type in UTF-8: the type the REST layer chose keeps the
     * parameters of the client's {@code Accept} ({@code charset=iso-8859-1}, {@code fhirVersion=3.0},
     * {@code q}), and a client that trusted them would misread it.
     */
    @Override
    public void writeTo(IBaseResource resource, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle(HttpHeaders.CONTENT_TYPE, new MediaType(mediaType.getType(), mediaType.getSubtype(),
                StandardCharsets.UTF_8.name()));
        out.write(Fhir.json(resource).getBytes(StandardCharsets.UTF_8));
    }
}
