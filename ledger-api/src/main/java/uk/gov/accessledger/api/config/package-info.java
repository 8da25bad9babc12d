/** Application configuration: properties, Axon storage wiring, start-up safety checks. */
package uk.gov.accessledger.api.config;
