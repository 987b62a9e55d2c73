/** What is under test: the model SPI, trainers that make models, and their predictions. */
package dev.failforward.model;
