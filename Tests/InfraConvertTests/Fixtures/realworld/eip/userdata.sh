#!/bin/bash -v
# Copyright IBM Corp. 2014, 2026
# SPDX-License-Identifier: MPL-2.0

apt-get update -y
apt-get install -y nginx > /tmp/nginx.log

