package org.sakkaya.platform.files;

import java.util.List;
import org.sakkaya.platform.problem.DomainException;
import org.sakkaya.platform.problem.FieldError;

/** 415: the file's content is not of an accepted type, whatever its name says. Nothing of it is kept. */
public class UnsupportedFileType extends DomainException {
    public UnsupportedFileType(String field, String detected) {
        super(415, "unsupported-file-type", "Unsupported file type",
                "Files of type " + detected + " are not accepted; send PDF, Office documents, images or MP4 video",
                List.of(new FieldError(field, "content is " + detected)));
    }
}
