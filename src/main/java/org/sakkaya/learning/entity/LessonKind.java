package org.sakkaya.learning.entity;

/** A video to watch (a link), a text to read (sanitised HTML), a file to download, or a page elsewhere. */
public enum LessonKind {
    VIDEO, TEXT, FILE, LINK
}
