"""Simulated Thai education-office web sites, for the demo and the tests; not the product.

The Docker image leaves this package out (it copies only plugins/edunews).
"""
