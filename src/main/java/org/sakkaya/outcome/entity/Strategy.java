package org.sakkaya.outcome.entity;

/** The plan's five PIRAB strategies: Partnership, Investment, Regulation, Advocate, Build capacity. */
public enum Strategy {
    PARTNERSHIP, INVESTMENT, REGULATION, ADVOCATE, BUILD_CAPACITY
}
