"""The test suite runs with the network blocked: pytest-socket guards every connection and lets
through only loopback addresses (kernels, the browser test's server)."""

import socket

import pytest_socket


def test_connections_are_guarded():
    # pytest-socket replaces socket.connect with a guard when --allow-hosts is in force
    # (pyproject.toml's addopts); if that option were dropped, the real connect would be back.
    assert socket.socket.connect is not pytest_socket._true_connect


def test_loopback_is_allowed():
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    client = socket.create_connection(server.getsockname(), timeout=5)
    client.close()
    server.close()
