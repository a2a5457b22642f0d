package org.sakkaya.outcome.entity;

/** Kinds of academic output (ผลงานวิชาการ); MEDIA covers infographics and short videos. */
public enum OutputKind {
    PAPER, RESEARCH, INNOVATION, MEDIA, PRESENTATION
}
