/** The Docker backend: images, containers and commands through the engine API (docker-java). */
package dev.gauntlet.sandbox.docker;
