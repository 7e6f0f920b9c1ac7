/**
 * Real servers for integration tests, started as child processes on free loopback ports: no Docker,
 * no mocks. A missing binary fails the test with the package to install, never a skip.
 */
package com.shopverse.testsupport;
