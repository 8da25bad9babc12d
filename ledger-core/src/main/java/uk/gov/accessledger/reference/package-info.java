/**
 * Versioned reference data of Access Ledger: organisations and their services, purposes, legal
 * bases, data categories, processing actions and data-sharing agreements, with the policy checks
 * that flag an event as a policy exception.
 *
 * <p>The data lives in YAML files in the repository ({@code src/main/resources/reference/}), not in
 * code. {@link ReferenceData#loadDefault()} reads and validates them
 * at start-up and reports every problem at once in a
 * {@link ReferenceDataException}. Each ledger entry records
 * {@link ReferenceData#version()} so that later readers know which
 * rules judged it.
 *
 * <p>Vocabularies and law implemented:
 * <ul>
 *   <li>W3C Data Privacy Vocabulary (DPV) 2.x, <a href="https://w3id.org/dpv">https://w3id.org/dpv</a>:
 *       purposes and processing actions ({@code dpv:} prefix), personal data categories
 *       ({@code pd:} prefix, <a href="https://w3id.org/dpv/pd">https://w3id.org/dpv/pd</a>);
 *       UK public-service terms DPV lacks use the project prefix {@code al:};</li>
 *   <li>UK GDPR Articles 6(1) and 9(2), and Article 10 for criminal offence data;</li>
 *   <li>Data Protection Act 2018 Schedule 1 conditions and Part 3 (law enforcement);</li>
 *   <li>statutory gateways such as Digital Economy Act 2017 Part 5 sections 35, 48 and 56, whose
 *       register of information sharing agreements gives agreements their shape, with the ICO Data
 *       Sharing Code of Practice.</li>
 * </ul>
 */
package uk.gov.accessledger.reference;
