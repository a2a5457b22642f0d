package org.sakkaya.platform.files;

import org.sakkaya.platform.problem.DomainException;
import org.sakkaya.platform.problem.FieldError;
import java.util.List;

/** 413: the upload is over the size limit. Nothing of it is kept. */
public class FileTooLarge extends DomainException {
    public FileTooLarge(String field, long maxBytes) {
        super(413, "file-too-large", "File too large", "Files may be at most " + maxBytes + " bytes",
                List.of(new FieldError(field, "is larger than " + maxBytes + " bytes")));
    }
}
